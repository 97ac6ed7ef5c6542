/**
 * Procedural defects planted on purpose, at known rates, so that the rule engine's recall can be
 * measured. Each kind names the catalogue rule (shared/domain/rules-catalog.md) that must catch
 * it; everything not planted is generated compliant with the catalogue.
 *
 * A rate is the share of the kind's opportunities (`of`) that get the defect. An opportunity is
 * eligible only if the defect would be complete and overdue before the anchor, so every planted
 * defect is visible in the records as of the anchor.
 */
import type { Rng } from './rng.js';

export const DEFECT_KINDS = {
  late_family_notice: { ruleId: 'CRIM_DETENTION_NOTIFY_FAMILY_24H', rate: 0.08, of: 'criminal detentions in single-suspect cases' },
  late_jail: { ruleId: 'CRIM_DETENTION_TO_JAIL_24H', rate: 0.04, of: 'criminal detentions' },
  overdue_filing_review: {
    ruleId: 'CRIM_FILING_REVIEW_3_7_30D', rate: 0.05, of: 'criminal cases accepted with nobody held',
  },
  single_interrogator: {
    ruleId: 'INTV_TWO_OFFICERS', rate: 0.04, of: 'interrogations and administrative questionings of suspects',
  },
  unsigned_transcript: { ruleId: 'INTV_TRANSCRIPT_SIGNATURES', rate: 0.05, of: 'suspect transcripts (讯问/询问笔录)' },
  late_acceptance_receipt: { ruleId: 'INTAKE_FORM_AND_RECEIPT', rate: 0.04, of: 'accepted cases' },
  missing_security_check: { ruleId: 'AREA_ENTRY_SECURITY_CHECK', rate: 0.04, of: 'suspect stays in a case-handling area' },
  area_overstay: { ruleId: 'AREA_MAX_STAY', rate: 0.04, of: 'suspect area stays that end without detention' },
  late_property_handover: { ruleId: 'PROP_HANDOVER_24H', rate: 0.05, of: 'seizures and freezes' },
  bodycam_gap: { ruleId: 'INC_BODYCAM_REQUIRED', rate: 0.03, of: 'incident responses with an arrival on scene' },
} as const;

export type DefectKind = keyof typeof DEFECT_KINDS;
export const DEFECT_KIND_NAMES = Object.keys(DEFECT_KINDS) as DefectKind[];
export type DefectRates = Partial<Record<DefectKind, number>>;

export interface PlantedDefect {
  kind: DefectKind;
  ruleId: string;
  /** The case concerned; absent only for a bodycam gap on an incident that never became a case. */
  caseId?: string;
  incidentId?: string;
  subjectId?: string;
  /** The events that show the defect (trigger first). */
  eventIds: string[];
  /** Objects that carry it (the transcript, the recordings). */
  objectIds?: string[];
  detail: string;
}

export interface DefectSummary {
  ruleId: string;
  rate: number;
  of: string;
  eligible: number;
  planted: number;
}

export class DefectPlanner {
  readonly rates: Record<DefectKind, number>;
  private readonly eligible = new Map<DefectKind, number>();
  private readonly planted: PlantedDefect[] = [];

  constructor(readonly rng: Rng, rates: DefectRates, private readonly anchor: number) {
    this.rates = Object.fromEntries(DEFECT_KIND_NAMES.map((k) => [k, rates[k] ?? DEFECT_KINDS[k].rate])) as Record<
      DefectKind,
      number
    >;
    for (const [k, r] of Object.entries(this.rates)) {
      if (!(r >= 0 && r <= 1)) throw new Error(`defect rate ${k} must be within 0..1, got ${r}`);
    }
  }

  /**
   * Whether to plant `kind` at this opportunity. `until` is the latest instant the defect needs
   * (its last event and its deadline); opportunities ending at or after the anchor are skipped.
   */
  consider(kind: DefectKind, until: number): boolean {
    if (until >= this.anchor) return false;
    this.eligible.set(kind, (this.eligible.get(kind) ?? 0) + 1);
    return this.rng.chance(this.rates[kind]);
  }

  record(d: Omit<PlantedDefect, 'ruleId'>): PlantedDefect {
    const { kind, ...rest } = d;
    const defect = { kind, ruleId: DEFECT_KINDS[kind].ruleId, ...rest };
    this.planted.push(defect);
    return defect;
  }

  /** The defects whose events all survived the cut at the anchor. */
  defects(keptEvents: Set<string>): PlantedDefect[] {
    return this.planted.filter((d) => d.eventIds.every((id) => keptEvents.has(id)));
  }

  summary(defects: PlantedDefect[]): Record<DefectKind, DefectSummary> {
    return Object.fromEntries(
      DEFECT_KIND_NAMES.map((k) => [
        k,
        {
          ruleId: DEFECT_KINDS[k].ruleId,
          rate: this.rates[k],
          of: DEFECT_KINDS[k].of,
          eligible: this.eligible.get(k) ?? 0,
          planted: defects.filter((d) => d.kind === k).length,
        },
      ]),
    ) as Record<DefectKind, DefectSummary>;
  }
}
