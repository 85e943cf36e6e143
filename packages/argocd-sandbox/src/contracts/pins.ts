/**
 * The upstream contracts App Center is written against, pinned by URL and sha256. Nothing in the repository
 * holds a copy: `resolveContract` finds one (see `resolve.ts` for the order) and refuses any whose bytes differ
 * from the pin, so every test and every generated type reads exactly the document named here.
 */
export interface ContractPin {
  /** What the document is, for messages. */
  title: string;
  /** The environment variable that points at a local copy. */
  env: string;
  /** Where the copy lives beside the repository (relative to the repository's parent folder). */
  besideRepository: string;
  /** The document at the pinned upstream commit. */
  url: string;
  /** sha256 (hex) of the pinned document's bytes. */
  sha256: string;
}

/** Argo CD's REST/JSON gateway contract (`assets/swagger.json`), at argo-cd commit 37ee0097 (3.6 development line). */
export const ARGOCD_SWAGGER: ContractPin = {
  title: "Argo CD's API contract (swagger.json)",
  env: 'ARGOCD_SWAGGER_PATH',
  besideRepository: 'shared/contracts/argocd/swagger.json',
  url: 'https://raw.githubusercontent.com/argoproj/argo-cd/37ee0097cf851bc2dd7665fc081bbce61a7e836e/assets/swagger.json',
  sha256: '41178730cf4301d80247df3189c98f3798f1b350c8829a95f06540810a3221db',
};

/** Argo Rollouts' `Rollout` CustomResourceDefinition, at argo-rollouts commit 9f8d111d. */
export const ARGO_ROLLOUTS_CRD: ContractPin = {
  title: "Argo Rollouts' Rollout CRD (rollout-crd.yaml)",
  env: 'ARGO_ROLLOUTS_CRD_PATH',
  besideRepository: 'shared/contracts/argo-rollouts/rollout-crd.yaml',
  url: 'https://raw.githubusercontent.com/argoproj/argo-rollouts/9f8d111d8f8e3e88b6d7f8bbdf62fd3cd863ef9d/manifests/crds/rollout-crd.yaml',
  sha256: '4c4f84b29ee91ea5ca8f86b2f019f168f2091821a661b78e3cb3d0dc0f9baf1d',
};

/** Every pinned contract by the name the command line takes. */
export const PINNED_CONTRACTS: Record<string, ContractPin> = {
  'argocd-swagger': ARGOCD_SWAGGER,
  'argo-rollouts-crd': ARGO_ROLLOUTS_CRD,
};
