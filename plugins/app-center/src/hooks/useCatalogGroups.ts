import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/** A catalog Group offered by the group pickers. */
export interface GroupOption {
  /** `group:<namespace>/<name>` */
  ref: string;
  /** The group's display name, or its name. */
  title: string;
}

/** The catalog's Groups, sorted by ref, for the group pickers. */
export function useCatalogGroups() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<GroupOption[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const profile = (entity.spec as any)?.profile;
        return {
          ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          title:
            profile?.displayName ??
            entity.metadata.title ??
            entity.metadata.name,
        };
      })
      .sort((a, b) => a.ref.localeCompare(b.ref));
  }, [catalogApi]);
}
