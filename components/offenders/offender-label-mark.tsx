/** The mark with its words already translated: for a list drawn by a client component from its rows' data (no hook: its file reads no message namespace). */
export function OffenderLabelMark({ mark, title }: { mark: string; title: string }) {
  return (
    <span
      title={title}
      className="ml-1.5 inline-flex items-center rounded-sm border border-accent bg-accent px-1.5 py-px align-middle text-[11px] font-semibold leading-4 text-white"
      data-testid="offender-mark"
    >
      {mark}
      <span className="sr-only">: {title}</span>
    </span>
  );
}
