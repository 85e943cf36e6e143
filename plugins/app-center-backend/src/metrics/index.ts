/**
 * metrics/: App Center's OpenTelemetry instruments (task queue and upstream calls) and the small API the rest
 * of the plugin calls them through. Nothing is exported unless the host installs an OpenTelemetry SDK.
 */
export {
  observeTaskQueueDepth,
  taskLeaseTakenOver,
  taskStarted,
  timeUpstream,
  type TaskOutcome,
  type Upstream,
} from './appCenterMetrics';
