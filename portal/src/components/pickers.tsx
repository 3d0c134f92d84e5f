import { materialGroups, familyNames, processName, processTree } from '../catalog.ts';
import { useLocale } from '../use-locale.ts';

// Choosing several codes from a long list: a select adds one, each chosen code is a chip with a
// remove button. Both are native controls, so they work by keyboard and with screen readers.

interface PickerProps {
  id: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
}

function Chips({ values, name, onChange }: { values: string[]; name: (value: string) => string; onChange: (values: string[]) => void }) {
  const { t } = useLocale();
  if (!values.length) return null;
  return (
    <ul class="chips">
      {values.map((value) => (
        <li>
          <span>{name(value)}</span>
          <button type="button" aria-label={t.remove(name(value))} onClick={() => onChange(values.filter((v) => v !== value))}>×</button>
        </li>
      ))}
    </ul>
  );
}

export function ProcessPicker({ id, label, values, onChange }: PickerProps) {
  const { t } = useLocale();
  const name = (code: string) => `${code} ${processName(code)}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value="" onChange={(e) => e.currentTarget.value && onChange([...new Set([...values, e.currentTarget.value])])}>
        <option value="">{t.addProcess}</option>
        {processTree.map((group) => (
          <optgroup label={`${group.code} ${group.name}`}>
            {group.options.map((option) => (
              <option value={option.code} disabled={values.includes(option.code)}>
                {'\u00a0\u00a0'.repeat(option.depth)}{option.code} {option.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Chips values={values} name={name} onChange={onChange} />
    </div>
  );
}

export function MaterialPicker({ id, label, values, onChange }: PickerProps) {
  const { t, language } = useLocale();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value="" onChange={(e) => e.currentTarget.value && onChange([...new Set([...values, e.currentTarget.value])])}>
        <option value="">{t.addMaterial}</option>
        {materialGroups.map((group) => (
          <optgroup label={familyNames[group.family][language]}>
            {group.names.map((material) => <option value={material} disabled={values.includes(material)}>{material}</option>)}
          </optgroup>
        ))}
      </select>
      <Chips values={values} name={(m) => m} onChange={onChange} />
    </div>
  );
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
          <optgroup label={familyNames[group.family][language]}>
            {group.names.map((material) => <option value={material}>{material}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup({ legend, name, options, values, onChange, label }: { legend: string; name: string; options: readonly string[]; values: string[]; onChange: (values: string[]) => void; label?: (value: string) => string }) {
  return (
    <fieldset class="checkboxes">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label>
          <input type="checkbox" name={name} value={option} checked={values.includes(option)} onChange={(e) => onChange(e.currentTarget.checked ? [...values, option] : values.filter((v) => v !== option))} />
          {label ? label(option) : option}
        </label>
      ))}
    </fieldset>
  );
}
