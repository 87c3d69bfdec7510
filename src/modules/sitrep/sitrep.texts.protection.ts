/**
 * The situation report's words for the protection sections (movements,
 * alarms and alerts, people on site) in English, Chinese and Urdu; kept
 * apart from sitrep.texts.ts so that each file stays readable. Record
 * content (titles, places, headlines, organisation names) is never
 * translated: it is printed as written.
 */
import type { MovementState, RiskLevel } from '../../core/vocabulary/protection.js';
import type { SitrepLanguage } from './sitrep.schema.js';

type Shown = (shown: number, total: number) => string;

export interface ProtectionTexts {
  movements: {
    title: string;
    figures: {
      movements: string;
      arrived: string;
      overdue: string;
      incident: string;
      cancelled: string;
    };
    byState: string;
    columns: {
      movement: string;
      route: string;
      state: string;
      risk: string;
      escort: string;
      lastCheckin: string;
    };
    states: Record<MovementState, string>;
    risks: Record<RiskLevel, string>;
    truncated: Shown;
    empty: string;
  };
  alarmsAlerts: {
    title: string;
    alarms: string;
    alarmColumns: {
      raised: string;
      movement: string;
      reason: string;
      level: string;
      acknowledged: string;
    };
    reasons: { missed_checkin: string; duress: string; overdue_arrival: string };
    alerts: string;
    alertColumns: { raised: string; headline: string; severity: string; acknowledged: string };
    severities: {
      Extreme: string;
      Severe: string;
      Moderate: string;
      Minor: string;
      Unknown: string;
    };
    yes: string;
    no: string;
    alarmsTruncated: Shown;
    alertsTruncated: Shown;
    noAlarms: string;
    noAlerts: string;
  };
  people: {
    title: string;
    total: string;
    sites: string;
    byNationality: string;
    columns: { site: string; day: string; nationalities: string; total: string };
    nationality: string;
    count: string;
    truncated: Shown;
    empty: string;
  };
}

const en: ProtectionTexts = {
  movements: {
    title: 'Movements of the day',
    figures: {
      movements: 'Movements',
      arrived: 'Arrived or closed',
      overdue: 'Overdue',
      incident: 'Incident',
      cancelled: 'Cancelled',
    },
    byState: 'By state',
    columns: {
      movement: 'Movement',
      route: 'Route',
      state: 'State',
      risk: 'Risk',
      escort: 'Escort',
      lastCheckin: 'Last check-in',
    },
    states: {
      draft: 'Draft',
      submitted: 'Submitted',
      approved: 'Approved',
      rejected: 'Rejected',
      returned: 'Returned',
      escort_assigned: 'Escort assigned',
      in_transit: 'In transit',
      arrived: 'Arrived',
      closed: 'Closed',
      cancelled: 'Cancelled',
      overdue: 'Overdue',
      incident: 'Incident',
    },
    risks: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    truncated: (shown, total) => `${shown} of ${total} movements are listed.`,
    empty: 'No movement was planned or under way on this day.',
  },
  alarmsAlerts: {
    title: 'Alarms and alerts',
    alarms: 'Alarms raised',
    alarmColumns: {
      raised: 'Raised',
      movement: 'Movement',
      reason: 'Reason',
      level: 'Level',
      acknowledged: 'Acknowledged',
    },
    reasons: {
      missed_checkin: 'Missed check-in',
      duress: 'Duress',
      overdue_arrival: 'Overdue arrival',
    },
    alerts: 'Alerts raised',
    alertColumns: {
      raised: 'Raised',
      headline: 'Alert',
      severity: 'Severity',
      acknowledged: 'Acknowledged',
    },
    severities: {
      Extreme: 'Extreme',
      Severe: 'Severe',
      Moderate: 'Moderate',
      Minor: 'Minor',
      Unknown: 'Unknown',
    },
    yes: 'Yes',
    no: 'No',
    alarmsTruncated: (shown, total) => `${shown} of ${total} alarms are listed.`,
    alertsTruncated: (shown, total) => `${shown} of ${total} alerts are listed.`,
    noAlarms: 'No alarm was raised on this day.',
    noAlerts: 'No alert was raised on this day.',
  },
  people: {
    title: 'People on site',
    total: 'People on site',
    sites: 'Sites counted',
    byNationality: 'By nationality',
    columns: { site: 'Site', day: 'Counted on', nationalities: 'Nationalities', total: 'People' },
    nationality: 'Nationality',
    count: 'People',
    truncated: (shown, total) => `${shown} of ${total} sites are listed.`,
    empty: 'No site has a count of people on or before this day.',
  },
};

const zh: ProtectionTexts = {
  movements: {
    title: '当日行程',
    figures: {
      movements: '行程',
      arrived: '已抵达或已结束',
      overdue: '逾期',
      incident: '发生事件',
      cancelled: '已取消',
    },
    byState: '按状态',
    columns: {
      movement: '行程',
      route: '路线',
      state: '状态',
      risk: '风险',
      escort: '护卫',
      lastCheckin: '最后报到',
    },
    states: {
      draft: '草稿',
      submitted: '已提交',
      approved: '已批准',
      rejected: '已拒绝',
      returned: '已退回',
      escort_assigned: '已指派护卫',
      in_transit: '途中',
      arrived: '已抵达',
      closed: '已结束',
      cancelled: '已取消',
      overdue: '逾期',
      incident: '发生事件',
    },
    risks: { low: '低', medium: '中', high: '高', critical: '极高' },
    truncated: (shown, total) => `列出 ${total} 个行程中的 ${shown} 个。`,
    empty: '当日没有计划或进行中的行程。',
  },
  alarmsAlerts: {
    title: '警报与预警',
    alarms: '当日警报',
    alarmColumns: {
      raised: '发出时间',
      movement: '行程',
      reason: '原因',
      level: '级别',
      acknowledged: '已确认',
    },
    reasons: { missed_checkin: '未按时报到', duress: '胁迫', overdue_arrival: '逾期未抵达' },
    alerts: '当日预警',
    alertColumns: {
      raised: '发出时间',
      headline: '预警',
      severity: '严重程度',
      acknowledged: '已确认',
    },
    severities: {
      Extreme: '极端',
      Severe: '严重',
      Moderate: '中等',
      Minor: '轻微',
      Unknown: '未知',
    },
    yes: '是',
    no: '否',
    alarmsTruncated: (shown, total) => `列出 ${total} 条警报中的 ${shown} 条。`,
    alertsTruncated: (shown, total) => `列出 ${total} 条预警中的 ${shown} 条。`,
    noAlarms: '当日没有发出警报。',
    noAlerts: '当日没有发出预警。',
  },
  people: {
    title: '现场人员',
    total: '现场人员',
    sites: '已统计地点',
    byNationality: '按国籍',
    columns: { site: '地点', day: '统计日期', nationalities: '国籍', total: '人数' },
    nationality: '国籍',
    count: '人数',
    truncated: (shown, total) => `列出 ${total} 个地点中的 ${shown} 个。`,
    empty: '当日及之前没有任何地点的人员统计。',
  },
};

const ur: ProtectionTexts = {
  movements: {
    title: 'دن کی نقل و حرکت',
    figures: {
      movements: 'نقل و حرکت',
      arrived: 'پہنچ گئے یا بند',
      overdue: 'تاخیر',
      incident: 'واقعہ',
      cancelled: 'منسوخ',
    },
    byState: 'کیفیت کے لحاظ سے',
    columns: {
      movement: 'نقل و حرکت',
      route: 'راستہ',
      state: 'کیفیت',
      risk: 'خطرہ',
      escort: 'محافظ دستہ',
      lastCheckin: 'آخری اطلاع',
    },
    states: {
      draft: 'مسودہ',
      submitted: 'جمع شدہ',
      approved: 'منظور شدہ',
      rejected: 'مسترد',
      returned: 'واپس',
      escort_assigned: 'محافظ مقرر',
      in_transit: 'راستے میں',
      arrived: 'پہنچ گئے',
      closed: 'بند',
      cancelled: 'منسوخ',
      overdue: 'تاخیر',
      incident: 'واقعہ',
    },
    risks: { low: 'کم', medium: 'درمیانہ', high: 'زیادہ', critical: 'انتہائی' },
    truncated: (shown, total) => `${total} نقل و حرکت میں سے ${shown} درج ہیں۔`,
    empty: 'اس دن کوئی نقل و حرکت طے یا جاری نہیں تھی۔',
  },
  alarmsAlerts: {
    title: 'الارم اور انتباہات',
    alarms: 'دن کے الارم',
    alarmColumns: {
      raised: 'وقت',
      movement: 'نقل و حرکت',
      reason: 'وجہ',
      level: 'درجہ',
      acknowledged: 'تصدیق شدہ',
    },
    reasons: {
      missed_checkin: 'اطلاع نہیں ملی',
      duress: 'دباؤ',
      overdue_arrival: 'پہنچنے میں تاخیر',
    },
    alerts: 'دن کے انتباہات',
    alertColumns: {
      raised: 'وقت',
      headline: 'انتباہ',
      severity: 'شدت',
      acknowledged: 'تصدیق شدہ',
    },
    severities: {
      Extreme: 'انتہائی',
      Severe: 'شدید',
      Moderate: 'درمیانی',
      Minor: 'معمولی',
      Unknown: 'نامعلوم',
    },
    yes: 'ہاں',
    no: 'نہیں',
    alarmsTruncated: (shown, total) => `${total} الارم میں سے ${shown} درج ہیں۔`,
    alertsTruncated: (shown, total) => `${total} انتباہات میں سے ${shown} درج ہیں۔`,
    noAlarms: 'اس دن کوئی الارم نہیں بجا۔',
    noAlerts: 'اس دن کوئی انتباہ جاری نہیں ہوا۔',
  },
  people: {
    title: 'مقام پر موجود افراد',
    total: 'موجود افراد',
    sites: 'شمار شدہ مقامات',
    byNationality: 'قومیت کے لحاظ سے',
    columns: { site: 'مقام', day: 'شمار کی تاریخ', nationalities: 'قومیتیں', total: 'افراد' },
    nationality: 'قومیت',
    count: 'افراد',
    truncated: (shown, total) => `${total} مقامات میں سے ${shown} درج ہیں۔`,
    empty: 'اس دن یا اس سے پہلے کسی مقام پر افراد کا شمار درج نہیں۔',
  },
};

export const PROTECTION_TEXTS: Record<SitrepLanguage, ProtectionTexts> = { en, zh, ur };
