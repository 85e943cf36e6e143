import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/frontend-plugin-api';
import { appCenterApiRef } from '../../api';
import { errorMessage } from '../common';

/** Checks the starter answers in the browser; the backend checks them again. */
export function starterProblems(input: {
  image: string;
  port: string;
  replicas: string;
}) {
  const problems: Record<string, string | undefined> = {};
  if (!input.image.trim())
    problems.image =
      'An image is needed, e.g. registry.example.com/shop/web:1.0';
  else if (/\s/.test(input.image.trim()))
    problems.image = 'An image reference has no spaces';
  const port = Number(input.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.port = 'A port from 1 to 65535';
  const replicas = Number(input.replicas);
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > 100)
    problems.replicas = 'From 0 to 100';
  return problems;
}

/**
 * A new app's template from a few answers: the backend writes a Deployment and a Service with labels,
 * probes on the port and resource requests.
 */
export function StarterForm(props: {
  project: string;
  app: string;
  onCreated: () => void;
}) {
  const api = useApi(appCenterApiRef);
  const [image, setImage] = useState('');
  const [port, setPort] = useState('8080');
  const [replicas, setReplicas] = useState('1');
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const problems = starterProblems({ image, port, replicas });
  const show = (field: string) => (touched ? problems[field] : undefined);

  const create = async () => {
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.createTemplate(props.project, {
        name: props.app,
        description: description.trim() || undefined,
        starter: {
          image: image.trim(),
          port: Number(port),
          replicas: Number(replicas),
        },
        message: message.trim() || undefined,
      });
      props.onCreated();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box maxWidth={720}>
      <Typography variant="h6" gutterBottom>
        Start {props.project}/{props.app}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        There is no template for this app yet. Answer three questions and App
        Center commits a Deployment and a Service to the project's GitOps
        repository; edit them afterwards here.
      </Typography>
      {error && (
        <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
          {error}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <TextField
            fullWidth
            required
            id="starter-image"
            label="Image"
            placeholder="registry.example.com/shop/web:1.0"
            value={image}
            onChange={e => setImage(e.target.value)}
            error={!!show('image')}
            helperText={
              show('image') ??
              'Registry, repository and tag of the container image'
            }
          />
        </Grid>
        <Grid item xs={6}>
          <TextField
            fullWidth
            id="starter-port"
            label="Port"
            type="number"
            value={port}
            onChange={e => setPort(e.target.value)}
            error={!!show('port')}
            helperText={show('port') ?? 'The port the container listens on'}
          />
        </Grid>
        <Grid item xs={6}>
          <TextField
            fullWidth
            id="starter-replicas"
            label="Replicas"
            type="number"
            value={replicas}
            onChange={e => setReplicas(e.target.value)}
            error={!!show('replicas')}
            helperText={show('replicas')}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            fullWidth
            id="starter-description"
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            fullWidth
            id="starter-message"
            label="Commit message"
            placeholder={`new app from ${image.trim() || 'the image'}`}
            value={message}
            onChange={e => setMessage(e.target.value)}
          />
        </Grid>
        <Grid item xs={12}>
          <Button
            variant="contained"
            color="primary"
            onClick={create}
            disabled={busy}
          >
            {busy ? 'Creating…' : 'Create template'}
          </Button>
        </Grid>
      </Grid>
    </Box>
  );
}
