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

  // The answers, in the order asked.
  const fields: Array<{
    key: string;
    label: string;
    value: string;
    set: (value: string) => void;
    help?: string;
    placeholder?: string;
    required?: boolean;
    number?: boolean;
    half?: boolean;
  }> = [
    {
      key: 'image',
      label: 'Image',
      value: image,
      set: setImage,
      required: true,
      placeholder: 'registry.example.com/shop/web:1.0',
      help: 'Registry, repository and tag of the container image',
    },
    {
      key: 'port',
      label: 'Port',
      value: port,
      set: setPort,
      number: true,
      half: true,
      help: 'The port the container listens on',
    },
    {
      key: 'replicas',
      label: 'Replicas',
      value: replicas,
      set: setReplicas,
      number: true,
      half: true,
    },
    {
      key: 'description',
      label: 'Description',
      value: description,
      set: setDescription,
    },
    {
      key: 'message',
      label: 'Commit message',
      value: message,
      set: setMessage,
      placeholder: `new app from ${image.trim() || 'the image'}`,
    },
  ];

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
        {fields.map(f => (
          <Grid item xs={f.half ? 6 : 12} key={f.key}>
            <TextField
              fullWidth
              id={`starter-${f.key}`}
              label={f.label}
              required={f.required}
              type={f.number ? 'number' : undefined}
              placeholder={f.placeholder}
              value={f.value}
              onChange={e => f.set(e.target.value)}
              error={!!show(f.key)}
              helperText={show(f.key) ?? f.help}
            />
          </Grid>
        ))}
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
