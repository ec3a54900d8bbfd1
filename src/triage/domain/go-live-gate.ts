// The go-live gate: an engine may triage real requests only if, on the open set, it catches every emergency,
// rarely under-triages and is accurate enough. Failing any threshold blocks it, with the reasons listed.
import type { EvaluationReport } from './evaluation.ts';

export interface GoLiveThresholds {
  minEmergencySensitivity: number;
  maxUnderTriageRate: number;
  minAccuracy: number;
}

export const DEFAULT_GO_LIVE_THRESHOLDS = {
  minEmergencySensitivity: 1,
  maxUnderTriageRate: 0.03,
  minAccuracy: 0.85,
} as const satisfies GoLiveThresholds;

export interface GoLiveDecision {
  allowed: boolean;
  failures: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function assessGoLive(
  report: EvaluationReport,
  thresholds: GoLiveThresholds = DEFAULT_GO_LIVE_THRESHOLDS,
): GoLiveDecision {
  const failures: string[] = [];
  const sensitivity = report.emergency.accuracy;
  if (sensitivity === null) {
    failures.push('emergency sensitivity cannot be measured: the set has no emergency-only cases');
  } else if (sensitivity < thresholds.minEmergencySensitivity) {
    failures.push(`emergency sensitivity ${pct(sensitivity)} is below ${pct(thresholds.minEmergencySensitivity)}`);
  }
  if (report.underTriage.rate > thresholds.maxUnderTriageRate) {
    failures.push(`under-triage ${pct(report.underTriage.rate)} is above ${pct(thresholds.maxUnderTriageRate)}`);
  }
  if (report.accuracy < thresholds.minAccuracy) {
    failures.push(`accuracy ${pct(report.accuracy)} is below ${pct(thresholds.minAccuracy)}`);
  }
  return { allowed: failures.length === 0, failures };
}
