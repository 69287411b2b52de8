/** The one banner above a refused form: "fix the marked fields" when fields carry errors, else the refusal itself. */
export function FormAlert({ refused, fieldCount, fixText, message }: { refused: boolean; fieldCount: number; fixText: string; message?: string }) {
  if (!refused) return null;
  return (
    <p role="alert" className="rounded border border-accent/40 bg-accent-50 px-3 py-2 text-sm text-accent">
      {fieldCount ? fixText : message}
    </p>
  );
}
