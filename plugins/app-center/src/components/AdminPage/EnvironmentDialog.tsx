import { useState } from 'react';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Environment,
  EnvironmentKind,
  EnvironmentUpdate,
  checkGroupRef,
  checkName,
  checkServerUrl,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { CheckboxField, FieldErrors, FormField, GroupPicker } from '../common';
import { AdminFormDialog, useAdminForm } from './AdminFormDialog';

const FIELDS = [
  'name',
  'title',
  'kind',
  'destination',
  'destination.name',
  'destination.server',
  'destination.namespace',
  'protected',
  'deployerGroups',
  'cluster',
] as const;

const HELP = {
  name: 'A DNS-1123 label, e.g. qa. Cannot be changed later.',
  title: 'Shown instead of the name',
};

const KINDS: { value: EnvironmentKind; label: string }[] = [
  { value: 'dev', label: 'dev: development' },
  { value: 'test', label: 'test: testing and staging' },
  { value: 'prod', label: 'prod: production' },
];

type DestinationMode = 'name' | 'server';

/** The destination field of each mode: a cluster by its Argo CD name, or by its API server URL. */
const DESTINATION = {
  name: {
    field: 'destination.name',
    label: 'Cluster name',
    help: 'A cluster registered in Argo CD, e.g. in-cluster',
  },
  server: {
    field: 'destination.server',
    label: 'Server URL',
    help: 'The cluster API URL as Argo CD knows it, e.g. https://kubernetes.default.svc',
  },
};

/** Create an environment of `project`, or edit one (`environment` given). */
export const EnvironmentDialog = (props: {
  project: string;
  environment?: Environment;
  onClose(): void;
  onSaved(environment: Environment): void;
}) => {
  const { project, environment, onClose, onSaved } = props;
  const api = useApi(appCenterApiRef);
  const form = useAdminForm('environment', FIELDS, environment, HELP, project);
  const { name } = form;
  const [kind, setKind] = useState<EnvironmentKind>(environment?.kind ?? 'dev');
  const [mode, setMode] = useState<DestinationMode>(
    environment?.destination.server ? 'server' : 'name',
  );
  const [clusterName, setClusterName] = useState(
    environment?.destination.name ?? (environment ? '' : 'in-cluster'),
  );
  const [server, setServer] = useState(environment?.destination.server ?? '');
  const [namespace, setNamespace] = useState(
    environment?.destination.namespace ?? '',
  );
  // Until the user types a namespace, it follows the name: <project>-<env>.
  const [namespaceTouched, setNamespaceTouched] = useState(!!environment);
  const [isProtected, setProtected] = useState(environment?.protected ?? false);
  const [deployerGroups, setDeployerGroups] = useState<string[]>(
    environment?.deployerGroups ?? [],
  );
  const [cluster, setCluster] = useState(environment?.cluster ?? '');
  const { errors, clearError } = form;

  let effectiveNamespace = namespace;
  if (!namespaceTouched) {
    effectiveNamespace = name ? `${project}-${name}` : '';
  }

  const validate = (): FieldErrors => {
    const badGroup = deployerGroups.map(g => checkGroupRef(g)).find(m => !!m);
    return {
      'destination.name':
        mode === 'name'
          ? checkName(clusterName.trim(), 'destination.name')
          : undefined,
      'destination.server':
        mode === 'server' ? checkServerUrl(server.trim()) : undefined,
      'destination.namespace': checkName(
        effectiveNamespace.trim(),
        'destination.namespace',
      ),
      deployerGroups: badGroup ? `deployerGroups: ${badGroup}` : undefined,
    };
  };

  const save = async () => {
    const body: EnvironmentUpdate = {
      title: form.titleToSend,
      kind,
      destination:
        mode === 'name'
          ? { name: clusterName.trim(), namespace: effectiveNamespace.trim() }
          : { server: server.trim(), namespace: effectiveNamespace.trim() },
      protected: isProtected,
      deployerGroups,
      cluster: cluster.trim() || undefined,
    };
    const saved = environment
      ? await api.updateEnvironment(project, environment.name, body)
      : await api.createEnvironment(project, { name, ...body });
    onSaved(saved);
  };

  return (
    <AdminFormDialog {...{ form, validate, save, onClose }}>
      <FormField
        id="environment-kind"
        label="Kind"
        form={form}
        field="kind"
        value={kind}
        onChange={v => setKind(v as EnvironmentKind)}
        options={KINDS}
      />
      <FormControl
        component="fieldset"
        margin="dense"
        error={!!errors.destination}
        fullWidth
      >
        <FormLabel component="legend">Argo CD destination cluster</FormLabel>
        <RadioGroup
          row
          value={mode}
          onChange={e => {
            setMode(e.target.value as DestinationMode);
            clearError('destination');
          }}
        >
          <FormControlLabel
            value="name"
            control={<Radio color="primary" />}
            label="Cluster name"
          />
          <FormControlLabel
            value="server"
            control={<Radio color="primary" />}
            label="Server URL"
          />
        </RadioGroup>
        {errors.destination && (
          <FormHelperText>{errors.destination}</FormHelperText>
        )}
      </FormControl>
      <FormField
        key={mode}
        id={`environment-destination-${mode}`}
        form={form}
        {...DESTINATION[mode]}
        value={mode === 'name' ? clusterName : server}
        onChange={mode === 'name' ? setClusterName : setServer}
        required
      />
      <FormField
        id="environment-namespace"
        form={form}
        field="destination.namespace"
        label="Namespace"
        value={effectiveNamespace}
        onChange={v => {
          setNamespaceTouched(true);
          setNamespace(v);
        }}
        help="The Kubernetes namespace the apps are deployed to"
        required
      />
      <CheckboxField
        checked={isProtected}
        onChange={checked => {
          setProtected(checked);
          clearError('deployerGroups');
        }}
        label="Protected"
        error={errors.protected}
        help="Only tenant admins and members of the deployer groups may deploy to a protected environment"
      />
      <GroupPicker
        id="environment-deployer-groups"
        label="Deployer groups"
        value={deployerGroups}
        form={form}
        field="deployerGroups"
        onChange={setDeployerGroups}
        helperText="Who may deploy when the environment is protected (tenant admins always may)"
      />
      <FormField
        id="environment-cluster"
        form={form}
        field="cluster"
        label="Kubernetes cluster (optional)"
        value={cluster}
        onChange={setCluster}
        help="Cluster name in the Kubernetes plugin config, for direct reads"
      />
    </AdminFormDialog>
  );
};
