/**
 * The situation report's own words in English, Chinese (Simplified) and
 * Urdu: headings, labels, vocabularies and empty states. Record content
 * (titles, place names, organisation names) is never translated here: it is
 * printed as it was written. Numbers and dates stay in Western digits and
 * ISO form in every language, as in the ministries' own reports.
 */
import type { AcledEventType } from '../../core/vocabulary/acled.js';
import type { ActionItemStatus } from '../../core/vocabulary/coordination.js';
import type { SitrepLanguage } from './sitrep.schema.js';
import { PROTECTION_TEXTS, type ProtectionTexts } from './sitrep.texts.protection.js';

export interface SitrepTexts extends ProtectionTexts {
  title: string;
  /** Between the items of a list in running text. */
  separator: string;
  labels: { date: string; organisation: string; generated: string; sources: string };
  /** Names of the sources a report covers, by source key. */
  sources: Record<string, string>;
  page: (page: number, pages: number) => string;
  map: { title: string; legend: string; shown: (shown: number, total: number) => string };
  incidents: {
    title: string;
    figures: { incidents: string; fatalities: string; injured: string };
    byArea: string;
    areaColumns: {
      country: string;
      area: string;
      count: string;
      fatalities: string;
      types: string;
    };
    unknownArea: string;
    list: string;
    listColumns: {
      date: string;
      eventType: string;
      place: string;
      fatalities: string;
      marking: string;
    };
    truncated: (shown: number, total: number) => string;
    empty: string;
  };
  chart: { byEventType: string; byDay: string };
  threats: {
    title: string;
    columns: { title: string; area: string; grading: string; valid: string; marking: string };
    truncated: (shown: number, total: number) => string;
    empty: string;
  };
  actionItems: {
    title: string;
    columns: { action: string; owner: string; due: string; overdue: string; status: string };
    truncated: (shown: number, total: number) => string;
    empty: string;
  };
  eventTypes: Record<AcledEventType, string>;
  statuses: Record<ActionItemStatus, string>;
}

const en: SitrepTexts = {
  ...PROTECTION_TEXTS.en,
  title: 'Daily situation report',
  separator: ', ',
  labels: {
    date: 'Date',
    organisation: 'Organisation',
    generated: 'Generated',
    sources: 'Sources covered',
  },
  sources: {
    incidents: 'Incidents',
    'threat-reports': 'Threat reports',
    'action-items': 'Action items',
    movements: 'Movements',
    alerts: 'Alarms and alerts',
    sites: 'People on site',
  },
  page: (page, pages) => `Page ${page} of ${pages}`,
  map: {
    title: 'Map of the day',
    legend: 'Dots: incidents. Triangles: centres of threat areas.',
    shown: (shown, total) => `The ${shown} most recent of ${total} incidents are shown.`,
  },
  incidents: {
    title: 'Incidents in the last 24 hours',
    figures: { incidents: 'Incidents', fatalities: 'Fatalities', injured: 'Injured' },
    byArea: 'By area',
    areaColumns: {
      country: 'Country',
      area: 'Area',
      count: 'Incidents',
      fatalities: 'Fatalities',
      types: 'Event types',
    },
    unknownArea: 'Not stated',
    list: 'Incidents of the day',
    listColumns: {
      date: 'Date',
      eventType: 'Event type',
      place: 'Place',
      fatalities: 'Fatalities',
      marking: 'Marking',
    },
    truncated: (shown, total) => `The ${shown} most recent of ${total} incidents are listed.`,
    empty: 'No incidents were recorded on this day.',
  },
  chart: { byEventType: 'Incidents by event type', byDay: 'Incidents over the last 7 days' },
  threats: {
    title: 'Threats in force',
    columns: {
      title: 'Threat report',
      area: 'Area',
      grading: 'Grading',
      valid: 'Valid',
      marking: 'Marking',
    },
    truncated: (shown, total) => `${shown} of ${total} threat reports are listed.`,
    empty: 'No published threat report covers this day.',
  },
  actionItems: {
    title: 'Overdue action items',
    columns: {
      action: 'Action',
      owner: 'Owner',
      due: 'Due',
      overdue: 'Days overdue',
      status: 'Status',
    },
    truncated: (shown, total) => `${shown} of ${total} overdue action items are listed.`,
    empty: 'No action item is overdue.',
  },
  eventTypes: {
    Battles: 'Battles',
    'Explosions/Remote violence': 'Explosions/Remote violence',
    'Violence against civilians': 'Violence against civilians',
    Protests: 'Protests',
    Riots: 'Riots',
    'Strategic developments': 'Strategic developments',
  },
  statuses: {
    open: 'Open',
    in_progress: 'In progress',
    blocked: 'Blocked',
    done: 'Done',
    dropped: 'Dropped',
  },
};

const zh: SitrepTexts = {
  ...PROTECTION_TEXTS.zh,
  title: '每日态势报告',
  separator: '、',
  labels: { date: '日期', organisation: '机构', generated: '生成时间', sources: '涵盖来源' },
  sources: {
    incidents: '事件',
    'threat-reports': '威胁报告',
    'action-items': '行动事项',
    movements: '行程',
    alerts: '警报与预警',
    sites: '现场人员',
  },
  page: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  map: {
    title: '当日地图',
    legend: '圆点：事件。三角形：威胁区域中心。',
    shown: (shown, total) => `显示 ${total} 起事件中最近的 ${shown} 起。`,
  },
  incidents: {
    title: '过去24小时的事件',
    figures: { incidents: '事件', fatalities: '死亡', injured: '受伤' },
    byArea: '按地区',
    areaColumns: {
      country: '国家',
      area: '地区',
      count: '事件',
      fatalities: '死亡',
      types: '事件类型',
    },
    unknownArea: '未注明',
    list: '当日事件',
    listColumns: {
      date: '日期',
      eventType: '事件类型',
      place: '地点',
      fatalities: '死亡',
      marking: '标记',
    },
    truncated: (shown, total) => `列出 ${total} 起事件中最近的 ${shown} 起。`,
    empty: '当日没有事件记录。',
  },
  chart: { byEventType: '按事件类型统计', byDay: '近7日事件' },
  threats: {
    title: '有效威胁',
    columns: { title: '威胁报告', area: '地区', grading: '评级', valid: '有效期', marking: '标记' },
    truncated: (shown, total) => `列出 ${total} 份威胁报告中的 ${shown} 份。`,
    empty: '没有已发布的威胁报告涵盖当日。',
  },
  actionItems: {
    title: '逾期行动事项',
    columns: {
      action: '事项',
      owner: '负责机构',
      due: '截止日期',
      overdue: '逾期天数',
      status: '状态',
    },
    truncated: (shown, total) => `列出 ${total} 项逾期行动事项中的 ${shown} 项。`,
    empty: '没有逾期的行动事项。',
  },
  eventTypes: {
    Battles: '武装冲突',
    'Explosions/Remote violence': '爆炸/远程暴力',
    'Violence against civilians': '针对平民的暴力',
    Protests: '抗议',
    Riots: '骚乱',
    'Strategic developments': '战略动态',
  },
  statuses: {
    open: '未开始',
    in_progress: '进行中',
    blocked: '受阻',
    done: '已完成',
    dropped: '已取消',
  },
};

const ur: SitrepTexts = {
  ...PROTECTION_TEXTS.ur,
  title: 'روزانہ صورت حال کی رپورٹ',
  separator: '، ',
  labels: {
    date: 'تاریخ',
    organisation: 'ادارہ',
    generated: 'تیاری کا وقت',
    sources: 'شامل ذرائع',
  },
  sources: {
    incidents: 'واقعات',
    'threat-reports': 'خطرے کی رپورٹیں',
    'action-items': 'عملی اقدامات',
    movements: 'نقل و حرکت',
    alerts: 'الارم اور انتباہات',
    sites: 'مقام پر موجود افراد',
  },
  page: (page, pages) => `صفحہ ${page} از ${pages}`,
  map: {
    title: 'دن کا نقشہ',
    legend: 'نقطے: واقعات۔ مثلث: خطرے والے علاقوں کے مراکز۔',
    shown: (shown, total) => `${total} واقعات میں سے تازہ ترین ${shown} دکھائے گئے ہیں۔`,
  },
  incidents: {
    title: 'گزشتہ 24 گھنٹوں کے واقعات',
    figures: { incidents: 'واقعات', fatalities: 'ہلاکتیں', injured: 'زخمی' },
    byArea: 'علاقے کے لحاظ سے',
    areaColumns: {
      country: 'ملک',
      area: 'علاقہ',
      count: 'واقعات',
      fatalities: 'ہلاکتیں',
      types: 'واقعات کی اقسام',
    },
    unknownArea: 'درج نہیں',
    list: 'دن کے واقعات',
    listColumns: {
      date: 'تاریخ',
      eventType: 'واقعے کی قسم',
      place: 'مقام',
      fatalities: 'ہلاکتیں',
      marking: 'درجۂ رازداری',
    },
    truncated: (shown, total) => `${total} واقعات میں سے تازہ ترین ${shown} درج ہیں۔`,
    empty: 'اس دن کوئی واقعہ درج نہیں ہوا۔',
  },
  chart: { byEventType: 'واقعات، قسم کے لحاظ سے', byDay: 'گزشتہ سات دنوں کے واقعات' },
  threats: {
    title: 'مؤثر خطرات',
    columns: {
      title: 'خطرے کی رپورٹ',
      area: 'علاقہ',
      grading: 'درجہ بندی',
      valid: 'مدت',
      marking: 'درجۂ رازداری',
    },
    truncated: (shown, total) => `${total} خطرے کی رپورٹوں میں سے ${shown} درج ہیں۔`,
    empty: 'اس دن کے لیے کوئی شائع شدہ خطرے کی رپورٹ نہیں ہے۔',
  },
  actionItems: {
    title: 'تاخیر کا شکار عملی اقدامات',
    columns: {
      action: 'اقدام',
      owner: 'ذمہ دار ادارہ',
      due: 'مقررہ تاریخ',
      overdue: 'تاخیر (دن)',
      status: 'کیفیت',
    },
    truncated: (shown, total) => `${total} تاخیر شدہ اقدامات میں سے ${shown} درج ہیں۔`,
    empty: 'کوئی عملی اقدام تاخیر کا شکار نہیں ہے۔',
  },
  eventTypes: {
    Battles: 'جھڑپیں',
    'Explosions/Remote violence': 'دھماکے/دور سے تشدد',
    'Violence against civilians': 'شہریوں کے خلاف تشدد',
    Protests: 'احتجاج',
    Riots: 'ہنگامے',
    'Strategic developments': 'اسٹریٹجک پیش رفت',
  },
  statuses: {
    open: 'زیر التوا',
    in_progress: 'جاری',
    blocked: 'رکا ہوا',
    done: 'مکمل',
    dropped: 'ترک',
  },
};

const TEXTS: Record<SitrepLanguage, SitrepTexts> = { en, zh, ur };

export function sitrepTexts(language: SitrepLanguage): SitrepTexts {
  return TEXTS[language];
}

/** A vocabulary word in the report's language, or the word itself when it is not in the vocabulary. */
export function wordFor<K extends string>(vocabulary: Record<K, string>, word: string): string {
  return Object.hasOwn(vocabulary, word) ? vocabulary[word as K] : word;
}
