/**
 * Short labels of the event types of interchange §8, Simplified Chinese first (the interface
 * language of the users), English second. Types without a label (logs of other tools) show
 * their own name.
 */
export interface EventLabel {
  zh: string;
  en: string;
}

export const EVENT_LABELS: Readonly<Record<string, EventLabel>> = {
  // §8.1 incidents and cases
  'incident.received': { zh: '接警', en: 'Incident received' },
  'incident.dispatched': { zh: '派警', en: 'Dispatched' },
  'incident.arrived': { zh: '到达现场', en: 'Arrived on scene' },
  'incident.closed': { zh: '处警结束', en: 'Incident closed' },
  'incident.registered': { zh: '接报案登记', en: 'Report registered' },
  'incident.referred': { zh: '警情分流', en: 'Incident referred' },
  'case.accepted': { zh: '受案', en: 'Case accepted' },
  'case.filed': { zh: '立案', en: 'Case filed' },
  'case.not_filed': { zh: '不予立案', en: 'Not filed' },
  'case.transferred': { zh: '移送案件', en: 'Case transferred' },
  'case.explanation_sent': { zh: '说明理由', en: 'Explanation sent' },
  'case.decided': { zh: '行政处理决定', en: 'Administrative decision' },
  'case.returned_for_investigation': { zh: '退回补充侦查', en: 'Returned for investigation' },
  'case.sent_for_prosecution': { zh: '移送审查起诉', en: 'Sent for prosecution' },
  'case.revoked': { zh: '撤销案件', en: 'Case revoked' },
  'case.closed': { zh: '结案', en: 'Case closed' },
  'case.recovery_recorded': { zh: '追赃挽损', en: 'Recovery recorded' },
  'procuratorate.inquired': { zh: '检察院要求说明理由', en: 'Procuratorate inquiry' },
  'procuratorate.ordered_filing': { zh: '检察院通知立案', en: 'Procuratorate ordered filing' },
  'procuratorate.ordered_revocation': { zh: '检察院通知撤案', en: 'Procuratorate ordered revocation' },
  // §8.2 persons and measures
  'person.brought_in': { zh: '到案', en: 'Brought in' },
  'person.summoned': { zh: '传唤', en: 'Summoned' },
  'person.summons_ended': { zh: '传唤结束', en: 'Summons ended' },
  'person.detained': { zh: '刑事拘留', en: 'Criminal detention' },
  'person.jailed': { zh: '送所羁押', en: 'Admitted to custody' },
  'person.family_notified': { zh: '通知家属', en: 'Family notified' },
  'person.arrest_requested': { zh: '提请批准逮捕', en: 'Arrest requested' },
  'person.arrest_approved': { zh: '批准逮捕', en: 'Arrest approved' },
  'person.arrest_denied': { zh: '不批准逮捕', en: 'Arrest denied' },
  'person.arrested': { zh: '执行逮捕', en: 'Arrested' },
  'person.custody_extension_requested': { zh: '提请延长羁押期限', en: 'Custody extension requested' },
  'person.released': { zh: '释放', en: 'Released' },
  'person.bail_started': { zh: '取保候审', en: 'Bail started' },
  'person.bail_ended': { zh: '解除取保候审', en: 'Bail ended' },
  'person.rsdl_started': { zh: '监视居住', en: 'Residential surveillance started' },
  'person.rsdl_ended': { zh: '解除监视居住', en: 'Residential surveillance ended' },
  'person.admin_detention_decided': { zh: '决定行政拘留', en: 'Administrative detention decided' },
  // §8.3 interrogation and case-handling area
  'interrogation.started': { zh: '讯（询）问开始', en: 'Interrogation started' },
  'interrogation.ended': { zh: '讯（询）问结束', en: 'Interrogation ended' },
  'area.entered': { zh: '进入办案区', en: 'Entered room' },
  'area.exited': { zh: '离开办案区', en: 'Left room' },
  'area.security_checked': { zh: '人身安全检查', en: 'Security check' },
  'venue.occupancy_observed': { zh: '房间在场监测', en: 'Occupancy observed' },
  // §8.4 property, appraisal, documents, approvals
  'item.seized': { zh: '扣押财物', en: 'Property seized' },
  'item.stored': { zh: '财物入库', en: 'Property stored' },
  'item.returned': { zh: '发还财物', en: 'Property returned' },
  'item.frozen': { zh: '冻结', en: 'Frozen' },
  'item.unfrozen': { zh: '解除冻结', en: 'Unfrozen' },
  'item.found_unrelated': { zh: '确认与案件无关', en: 'Found unrelated' },
  'appraisal.started': { zh: '鉴定开始', en: 'Appraisal started' },
  'appraisal.ended': { zh: '鉴定结束', en: 'Appraisal ended' },
  'document.filed': { zh: '文书入卷', en: 'Document filed' },
  'notice.served': { zh: '送达告知', en: 'Notice served' },
  'approval.granted': { zh: '审批通过', en: 'Approval granted' },
};

export function eventLabel(type: string): EventLabel {
  return EVENT_LABELS[type] ?? { zh: type, en: type };
}
