import type { MaterialInfo } from '../../shared/data/materials.ts';
import { processes } from '../../shared/data/processes.ts';
import { processName } from './catalog.ts';
import type { Locale } from './i18n.ts';

// The supplier finder's reasons come from the graph in English (RequirementMatch.reason, shared/matching.ts), with
// the processes named by the standard's German names: "offers Fräsen; not Härten", "63 employees, IATF 16949 series
// supplier", "valid until 2029-11-30" stood beside German labels on a German page. They are read back here by the
// rules' own templates and said in the page's language, numbers and dates in its notation. A reason no template
// reads is shown as the graph gave it; test/portal-reasons.test.ts runs every rule of shared/matching.ts and
// requires each of its reasons to be read, so a new wording there fails until it is worded here too.

type Words = { de: string; en: string };

/** The process names, longest first: a name may start with another's ("Spanen" and "Spanen mit …"). */
const germanNames = [...processes.values()].map((p) => ({ name: p.name, code: p.code })).sort((a, b) => b.name.length - a.name.length);

/** A list of process names joined with ", " (names hold commas too: "Wärmebehandeln (Härten, Anlassen, Glühen)"), in `language`. */
function processList(text: string, language: Locale['language']): string | undefined {
  const said: string[] = [];
  let rest = text;
  while (rest !== '') {
    const found = germanNames.find(({ name }) => rest === name || rest.startsWith(`${name}, `));
    if (!found) return undefined;
    said.push(processName(found.code, language));
    rest = rest.slice(found.name.length + (rest === found.name ? 0 : 2));
  }
  return said.join(', ');
}

/** A family as the object of "verarbeitet" / "works": the picker's labels ("Nichtrostender Stahl", "Sonstige") are no such. */
const familyWords: Record<MaterialInfo['family'], Words> = {
  steel: { de: 'Stahl', en: 'steel' },
  'stainless steel': { de: 'nichtrostenden Stahl', en: 'stainless steel' },
  'tool steel': { de: 'Werkzeugstahl', en: 'tool steel' },
  aluminium: { de: 'Aluminium', en: 'aluminium' },
  'copper alloy': { de: 'Kupferlegierungen', en: 'copper alloys' },
  plastic: { de: 'Kunststoffe', en: 'plastics' },
  other: { de: 'sonstige Werkstoffe', en: 'other materials' },
};
const families = Object.keys(familyWords) as MaterialInfo['family'][];
const familyPattern = new RegExp(`^works (${families.join('|')}) \\((.+)\\)(?:, not (.+))?$`);

/** Reasons without a value, as the graph writes them and in German. */
const fixed: Record<string, string> = {
  'lists no materials': 'nennt keine Werkstoffe',
  'company size unknown': 'Unternehmensgröße unbekannt',
  'machining for general tolerances (ISO 2768 m/c)': 'Spanen für Allgemeintoleranzen (ISO 2768 m/c)',
  'no machining listed': 'kein Spanen angegeben',
  'machining for fine tolerances (ISO 2768 f)': 'Spanen für feine Toleranzen (ISO 2768 f)',
  'machining, but no grinding, honing or lapping for IT6 and finer': 'Spanen, aber kein Schleifen, Honen oder Läppen für IT6 und feiner',
  'no machining or finishing listed': 'weder Spanen noch Feinbearbeitung angegeben',
  'location unknown': 'Standort unbekannt',
};

/** What follows "N employees" in a quantity's reason. */
const employeeNotes: Record<string, Words> = {
  '': { de: '', en: '' },
  ': suited to prototypes': { de: ': geeignet für Prototypen', en: ': suited to prototypes' },
  ': set up for larger lots': { de: ': auf größere Stückzahlen eingestellt', en: ': set up for larger lots' },
  ': suited to small series': { de: ': geeignet für Kleinserien', en: ': suited to small series' },
  ': small for series production': { de: ': klein für die Serienfertigung', en: ': small for series production' },
  ', IATF 16949 series supplier': { de: ', Serienlieferant nach IATF 16949', en: ', IATF 16949 series supplier' },
};

/** One part of a reason in the page's language, or undefined when no template reads it. */
function part(reason: string, locale: Locale): string | undefined {
  const de = locale.language === 'de';
  if (Object.hasOwn(fixed, reason)) return de ? fixed[reason] : reason;
  let m = /^(offers|not) (.+)$/.exec(reason);
  if (m) {
    const names = processList(m[2], locale.language);
    if (names !== undefined) return `${m[1] === 'offers' ? (de ? 'bietet' : 'offers') : de ? 'nicht' : 'not'} ${names}`;
  }
  m = familyPattern.exec(reason);
  if (m) {
    const family = familyWords[m[1] as MaterialInfo['family']][locale.language];
    const worked = de ? `verarbeitet ${family} (${m[2]})` : `works ${family} (${m[2]})`;
    return m[3] === undefined ? worked : `${worked}, ${de ? 'nicht' : 'not'} ${m[3]}`;
  }
  m = /^works (.+)$/.exec(reason);
  if (m) return de ? `verarbeitet ${m[1]}` : reason;
  m = /^(\d+) employees(.*)$/.exec(reason);
  if (m && Object.hasOwn(employeeNotes, m[2]))
    return `${locale.number(Number(m[1]))} ${de ? 'Beschäftigte' : 'employees'}${employeeNotes[m[2]][locale.language]}`;
  m = /^fine finishing: (.+)$/.exec(reason);
  if (m) {
    const names = processList(m[1], locale.language);
    if (names !== undefined) return `${de ? 'Feinbearbeitung' : 'fine finishing'}: ${names}`;
  }
  m = /^(\d+(?:\.\d+)?) km from the delivery location(?:, more than (\d+(?:\.\d+)?) km)?$/.exec(reason);
  if (m) {
    const km = `${locale.number(Number(m[1]), 1)} km ${de ? 'vom Lieferort' : 'from the delivery location'}`;
    return m[2] === undefined ? km : `${km}, ${de ? 'mehr als' : 'more than'} ${locale.number(Number(m[2]), 1)} km`;
  }
  m = /^valid until (\d{4}-\d{2}-\d{2})$/.exec(reason);
  if (m) return `${de ? 'gültig bis' : 'valid until'} ${locale.date(m[1])}`;
  return undefined;
}

/** A breakdown's reason in the page's language; undefined when a part of it is worded by no template here. */
export function readReason(reason: string, locale: Locale): string | undefined {
  // The processes' reason is two parts, "offers …; not …".
  const parts = reason.split('; ').map((p) => part(p, locale));
  return parts.some((p) => p === undefined) ? undefined : parts.join('; ');
}

/** A breakdown's reason as the page shows it: in its language, or as the graph gave it where no template reads it. */
export const reasonText = (reason: string, locale: Locale) => readReason(reason, locale) ?? reason;
