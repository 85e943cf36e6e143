import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { ImageSecurity } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeAppCenterApi';
import { ImageSecurityTab } from './ImageSecurityTab';

async function render(answer: ImageSecurity) {
  const api = fakeApi({ getImageSecurity: async () => answer });
  await renderInTestApp(
    <ImageSecurityTab project="shop" env="dev" app="web" />,
    {
      apis: [[appCenterApiRef, api]],
    },
  );
  return api;
}

describe('ImageSecurityTab', () => {
  it('shows each running image with its counts, fixable count, provider link and top findings', async () => {
    const api = await render({
      configured: true,
      providers: ['trivy-operator'],
      images: [
        {
          image: 'registry.example.com/shop/web:1.3.0-bad',
          scanned: true,
          provider: 'trivy-operator',
          url: 'https://k8s.example.com/apis/aquasecurity.github.io/v1alpha1/namespaces/shop-dev/vulnerabilityreports/replicaset-web-1-web',
          counts: { critical: 1, high: 1, medium: 0, low: 2, unknown: 0 },
          fixable: 2,
          topFindings: [
            {
              id: 'CVE-2026-9999',
              severity: 'critical',
              package: 'libcurl',
              installedVersion: '7.88.1',
              fixedVersion: '8.9.0',
            },
            {
              id: 'CVE-2026-0303',
              severity: 'low',
              package: 'libc6',
              installedVersion: '2.36-9',
            },
          ],
        },
        {
          image: 'registry.example.com/shop/sidecar:2.0',
          scanned: false,
          counts: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
          fixable: 0,
          topFindings: [],
        },
      ],
      warnings: ['harbor: the registry answered 503'],
    });
    expect(api.getImageSecurity).toHaveBeenCalledWith('shop', 'dev', 'web');
    expect(
      await screen.findByText('registry.example.com/shop/web:1.3.0-bad'),
    ).toBeInTheDocument();
    expect(screen.getByText('critical 1')).toBeInTheDocument();
    expect(screen.getByText('low 2')).toBeInTheDocument();
    expect(screen.getByText('2 fixable')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Report in trivy-operator' }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('vulnerabilityreports/replicaset-web-1-web'),
    );
    const critical = screen.getByText('CVE-2026-9999').closest('tr')!;
    expect(within(critical).getByText('libcurl')).toBeInTheDocument();
    expect(within(critical).getByText('7.88.1')).toBeInTheDocument();
    expect(within(critical).getByText('8.9.0')).toBeInTheDocument();
    const unfixed = screen.getByText('CVE-2026-0303').closest('tr')!;
    expect(within(unfixed).getByText('no fix yet')).toBeInTheDocument();
    expect(
      screen.getByText(/Not scanned yet: no provider has a report/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('harbor: the registry answered 503'),
    ).toBeInTheDocument();
  });

  it('says how to configure a provider when none is', async () => {
    await render({
      configured: false,
      providers: [],
      images: [],
      message:
        'No image-security provider is configured. Read trivy-operator reports by adding appCenter.security.trivyOperator.clusters …',
    });
    expect(
      await screen.findByText('No image-security provider is configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/appCenter\.security\.trivyOperator\.clusters/),
    ).toBeInTheDocument();
  });
});
