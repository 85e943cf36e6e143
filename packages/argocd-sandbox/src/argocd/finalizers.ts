/** The finalizer that makes the controller delete an Application's resources before the Application. */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
