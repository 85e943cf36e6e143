export interface Config {
  permission?: {
    /**
     * User or group entity refs (user:default/jane, group:default/platform) who are App Center portal admins:
     * they hold the app-center.admin permission and manage tenants, projects and environments.
     */
    portalAdmins?: string[];
  };
}
