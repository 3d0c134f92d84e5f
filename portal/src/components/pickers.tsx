import { useState } from 'preact/hooks';
import { materialGroups, familyNames, processName, processTree } from '../catalog.ts';
import { useLocale } from '../use-locale.ts';
import type { Language } from '../i18n.ts';

// Choosing several codes from a long list: a tree of checkboxes, one collapsible group per DIN 8580
// main group or material family, opened where something is chosen. Native details and checkboxes, so
// arrow keys never add anything by accident (a select that adds on change does, by keyboard).

interface TreeOption {
  value: string;
  label: string;
  depth: number;
}

interface TreeGroupSpec {
  key: string;
  label: string;
  options: TreeOption[];
}

function TreeGroup({ group, name, values, onChange }: { group: TreeGroupSpec; name: string; values: string[]; onChange: (values: string[]) => void }) {
  const { t } = useLocale();
  const chosen = group.options.filter((o) => values.includes(o.value)).length;
  const [open, setOpen] = useState(chosen > 0);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {group.label}
        {chosen > 0 && <span class="chosen"> ({t.chosen(chosen)})</span>}
      </summary>
      {group.options.map((option) => (
        <label key={option.value} style={{ paddingLeft: `${option.depth * 0.9}rem` }}>
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={values.includes(option.value)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...values, option.value] : values.filter((v) => v !== option.value))}
          />
          {option.label}
        </label>
      ))}
    </details>
  );
}

function TreePicker({
  legend,
  name,
  groups,
  values,
  onChange,
  id,
  errorId,
}: {
  legend: string;
  name: string;
  groups: TreeGroupSpec[];
  values: string[];
  onChange: (values: string[]) => void;
} & TreeErrorProps) {
  // With an error the group itself takes the focus: its boxes lie in closed groups, where nothing can have it.
  return (
    <fieldset class="tree" id={id} tabIndex={errorId ? -1 : undefined} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {groups.map((group) => (
        <TreeGroup key={group.key} group={group} name={name} values={values} onChange={onChange} />
      ))}
    </fieldset>
  );
}

/** A tree in a form whose error names it: the fieldset's id, and the id of the error shown below it (none without). */
interface TreeErrorProps {
  id?: string;
  errorId?: string;
}

interface PickerProps extends TreeErrorProps {
  name: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
}

const processGroups = (language: Language): TreeGroupSpec[] =>
  processTree.map((group) => ({
    key: group.code,
    label: `${group.code} ${processName(group.code, language)}`,
    options: group.options.map((o) => ({ value: o.code, label: `${o.code} ${processName(o.code, language)}`, depth: o.depth })),
  }));
const processGroupsOf = { de: processGroups('de'), en: processGroups('en') };

export function ProcessPicker({ name, label, values, onChange, id, errorId }: PickerProps) {
  const processGroups = processGroupsOf[useLocale().language];
  return <TreePicker legend={label} name={name} groups={processGroups} values={values} onChange={onChange} id={id} errorId={errorId} />;
}

export function MaterialPicker({ name, label, values, onChange }: PickerProps) {
  const { language } = useLocale();
  const groups = materialGroups.map((group) => ({
    key: group.family,
    label: familyNames[group.family][language],
    options: group.names.map((material) => ({ value: material, label: material, depth: 0 })),
  }));
  return <TreePicker legend={label} name={name} groups={groups} values={values} onChange={onChange} />;
}

/** A select of one material (the supplier finder's part has one). */
export function MaterialSelect({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  const { t, language } = useLocale();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t.anyMaterial}</option>
        {materialGroups.map((group) => (
          <optgroup key={group.family} label={familyNames[group.family][language]}>
            {group.names.map((material) => (
              <option key={material} value={material}>
                {material}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  values,
  onChange,
  label,
}: {
  legend: string;
  name: string;
  options: readonly string[];
  values: string[];
  onChange: (values: string[]) => void;
  label?: (value: string) => string;
}) {
  return (
    <fieldset class="checkboxes">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            name={name}
            value={option}
            checked={values.includes(option)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...values, option] : values.filter((v) => v !== option))}
          />
          {label ? label(option) : option}
        </label>
      ))}
    </fieldset>
  );
}
