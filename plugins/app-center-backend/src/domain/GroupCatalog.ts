import { AuthService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Checks that catalog Group refs name Groups that exist. */
export class GroupCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Throws an InputError naming the field and the refs that are not Groups in the catalog.
   * A catalog that cannot be reached is a 503: nothing is stored on a guess.
   */
  async requireGroups(field: string, refs: string[]): Promise<void> {
    if (refs.length === 0) return;
    let items;
    try {
      ({ items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata.name'] },
        { credentials: await this.auth.getOwnServiceCredentials() },
      ));
    } catch (e) {
      throw new ServiceUnavailableError(
        `could not check ${field} in the catalog: ${(e as Error).message}`,
      );
    }
    const missing = refs.filter(
      (_, i) =>
        !items[i] || items[i]!.kind.toLocaleLowerCase('en-US') !== 'group',
    );
    if (missing.length) {
      throw new InputError(
        `${field}: ${missing.join(', ')} ${
          missing.length === 1 ? 'is' : 'are'
        } not a Group in the catalog`,
      );
    }
  }
}
