import { metrics } from '@opentelemetry/api';
import {
  MeterProvider,
  MetricReader,
  type DataPoint,
} from '@opentelemetry/sdk-metrics';
import { METER_NAME } from '../appCenterMetrics';

/** A reader that only collects when asked: what a Prometheus scrape does. */
class OnDemandReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/**
 * Registers a global meter provider with an in-memory reader, as a host's OpenTelemetry SDK would; install it
 * before the code under test records anything. `collect()` returns App Center's data points by metric name.
 */
export function installTestMeterProvider() {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(provider);
  return {
    async collect(): Promise<Map<string, DataPoint<any>[]>> {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length) throw errors[0];
      const byName = new Map<string, DataPoint<any>[]>();
      for (const scope of resourceMetrics.scopeMetrics) {
        if (scope.scope.name !== METER_NAME) continue;
        for (const metric of scope.metrics) {
          byName.set(metric.descriptor.name, metric.dataPoints);
        }
      }
      return byName;
    },
    async uninstall() {
      await provider.shutdown();
      metrics.disable();
    },
  };
}
