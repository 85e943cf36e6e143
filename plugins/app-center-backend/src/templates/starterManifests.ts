import { InputError } from '@backstage/errors';
import { ImageReference } from '../git/yaml/ImageReference';

/** A new app from a few answers. */
export interface StarterInput {
  image: string;
  port?: number;
  replicas?: number;
}

/**
 * Deployment + Service for a new app, with the recommended
 * `app.kubernetes.io/*` labels, probes on the port, resource requests and
 * limits, and no namespace (each environment supplies it).
 */
export function starterManifests(
  app: string,
  input: StarterInput,
): Array<{ path: string; content: string }> {
  const image = ImageReference.parse(input.image);
  const port = input.port ?? 8080;
  const replicas = input.replicas ?? 1;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InputError(`port must be 1-65535, got ${input.port}`);
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > 100) {
    throw new InputError(
      `replicas must be a whole number from 0 to 100, got ${input.replicas}`,
    );
  }
  const imageText =
    image.tag || image.digest ? image.toString() : `${image.name}:latest`;
  // Both objects carry the same name and labels: the Service selects the Deployment's pods by them.
  const metadata = `metadata:
  name: ${app}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/managed-by: app-center`;
  const deployment = `apiVersion: apps/v1
kind: Deployment
${metadata}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
    spec:
      containers:
        - name: ${app}
          image: ${imageText}
          ports:
            - name: http
              containerPort: ${port}
          readinessProbe:
            tcpSocket:
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
          livenessProbe:
            tcpSocket:
              port: http
            initialDelaySeconds: 15
            periodSeconds: 20
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
`;
  const service = `apiVersion: v1
kind: Service
${metadata}
spec:
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
  return [
    { path: 'deployment.yaml', content: deployment },
    { path: 'service.yaml', content: service },
  ];
}
