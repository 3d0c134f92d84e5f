import type { NetworkCode } from '../operations.ts';

/** The networks, in the order the portal lists them. */
export const networkCodes: NetworkCode[] = ['NIWE', 'LINAT', 'KONAT'];

/** A select's options, one per network, labelled with its code. */
export function NetworkOptions() {
  return (
    <>
      {networkCodes.map((code) => (
        <option key={code} value={code}>
          {code}
        </option>
      ))}
    </>
  );
}
