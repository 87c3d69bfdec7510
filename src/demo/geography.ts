/**
 * The demo scenario's places, routes and sites (public places; coordinates
 * approximate). Routes are the roads between their places in order.
 */
export const DEMO_PLACES = {
  islamabad: { name: 'Islamabad', lat: 33.7215, lon: 73.0433 },
  beijing: { name: 'Beijing', lat: 39.9075, lon: 116.3972 },
  abbottabad: { name: 'Abbottabad', lat: 34.1463, lon: 73.2117 },
  mansehra: { name: 'Mansehra', lat: 34.3302, lon: 73.1968 },
  thakot: { name: 'Thakot', lat: 34.79, lon: 72.94 },
  besham: { name: 'Besham', lat: 34.92, lon: 72.87 },
  dasu: { name: 'Dasu', lat: 35.2917, lon: 73.2906 },
  chilas: { name: 'Chilas', lat: 35.4129, lon: 74.1041 },
  gilgit: { name: 'Gilgit', lat: 35.9187, lon: 74.3124 },
  sost: { name: 'Sost', lat: 36.69, lon: 74.82 },
  khunjerab: { name: 'Khunjerab Pass', lat: 36.85, lon: 75.43 },
  kashgar: { name: 'Kashgar', lat: 39.4707, lon: 75.9895 },
  karachi: { name: 'Karachi', lat: 24.8608, lon: 67.0104 },
  'karachi-airport': { name: 'Jinnah International Airport, Karachi', lat: 24.9065, lon: 67.1608 },
  'port-qasim': { name: 'Port Qasim, Karachi', lat: 24.78, lon: 67.34 },
  'karachi-university': { name: 'University of Karachi', lat: 24.94, lon: 67.12 },
  gwadar: { name: 'Gwadar', lat: 25.1216, lon: 62.3254 },
  dalbandin: { name: 'Dalbandin', lat: 28.8885, lon: 64.4062 },
  kahuta: { name: 'Kahuta', lat: 33.5918, lon: 73.3874 },
} as const;

export type DemoPlaceKey = keyof typeof DEMO_PLACES;

export const DEMO_ROUTES: readonly { key: string; name: string; via: readonly DemoPlaceKey[] }[] = [
  {
    key: 'isb-dasu-kkh',
    name: 'Islamabad to Dasu by the Karakoram Highway',
    via: ['islamabad', 'abbottabad', 'mansehra', 'thakot', 'besham', 'dasu'],
  },
  {
    key: 'dasu-chilas-kkh',
    name: 'Dasu to Chilas by the Karakoram Highway',
    via: ['dasu', 'chilas'],
  },
  {
    key: 'gilgit-khunjerab',
    name: 'Gilgit to the Khunjerab crossing',
    via: ['gilgit', 'sost', 'khunjerab'],
  },
  {
    key: 'khi-airport-portqasim',
    name: 'Karachi airport to Port Qasim',
    via: ['karachi-airport', 'port-qasim'],
  },
];

export const DEMO_SITES: readonly {
  key: string;
  name: string;
  lat: number;
  lon: number;
  bufferKm: number;
}[] = [
  { key: 'dasu-hpp', name: 'Dasu Hydropower Project', lat: 35.3, lon: 73.22, bufferKm: 5 },
  { key: 'dasu-camp', name: 'Dasu project residential camp', lat: 35.28, lon: 73.28, bufferKm: 2 },
  { key: 'diamer-bhasha', name: 'Diamer-Bhasha Dam', lat: 35.52, lon: 73.74, bufferKm: 5 },
  { key: 'karot-hpp', name: 'Karot Hydropower Project', lat: 33.61, lon: 73.6, bufferKm: 4 },
  {
    key: 'port-qasim-power',
    name: 'Port Qasim coal power plant',
    lat: 24.78,
    lon: 67.34,
    bufferKm: 3,
  },
  { key: 'gwadar-port', name: 'Gwadar Port', lat: 25.11, lon: 62.33, bufferKm: 3 },
  {
    key: 'khunjerab-crossing',
    name: 'Khunjerab border crossing',
    lat: 36.85,
    lon: 75.43,
    bufferKm: 10,
  },
];

/** Past attacks from public reporting (the scenario's facts). */
export const DEMO_HISTORICAL_INCIDENTS: readonly {
  key: string;
  date: string;
  near: DemoPlaceKey;
  subEventType: 'Suicide bomb';
  summary: string;
  fatalities: number | null;
  foreignKilled: number;
}[] = [
  {
    key: '2018-dalbandin',
    date: '2018-08-11',
    near: 'dalbandin',
    subEventType: 'Suicide bomb',
    summary:
      'Suicide attack on a bus carrying foreign engineers of a mining project near Dalbandin; engineers injured.',
    fatalities: null,
    foreignKilled: 0,
  },
  {
    key: '2021-dasu',
    date: '2021-07-14',
    near: 'dasu',
    subEventType: 'Suicide bomb',
    summary:
      'Bus carrying engineers to the Dasu hydropower site attacked; at least 12 killed, including nine foreign engineers and two Frontier Corps personnel.',
    fatalities: 12,
    foreignKilled: 9,
  },
  {
    key: '2021-gwadar',
    date: '2021-08-20',
    near: 'gwadar',
    subEventType: 'Suicide bomb',
    summary:
      'Suicide attack on a vehicle convoy carrying foreign nationals on the Gwadar expressway; two children killed.',
    fatalities: 2,
    foreignKilled: 0,
  },
  {
    key: '2022-karachi-university',
    date: '2022-04-26',
    near: 'karachi-university',
    subEventType: 'Suicide bomb',
    summary:
      'Suicide bombing of a van carrying foreign teachers at the University of Karachi; three teachers and their driver killed.',
    fatalities: 4,
    foreignKilled: 3,
  },
  {
    key: '2024-besham',
    date: '2024-03-26',
    near: 'besham',
    subEventType: 'Suicide bomb',
    summary:
      'Vehicle-borne suicide attack on a convoy of engineers travelling from Islamabad to Dasu near Besham; five foreign engineers and their driver killed.',
    fatalities: 6,
    foreignKilled: 5,
  },
  {
    key: '2024-karachi-airport',
    date: '2024-10-06',
    near: 'karachi-airport',
    subEventType: 'Suicide bomb',
    summary:
      'Vehicle bomb near Karachi airport against a convoy of power-plant engineers; two foreign engineers killed and others injured.',
    fatalities: 2,
    foreignKilled: 2,
  },
];
