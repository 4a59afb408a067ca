// The Tree tab's icon: an indented list with guides, as `uv tree` draws it.
export function TreeIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d="M4 4h7M7 4v14h4M7 11h4M14 11h6M14 18h6" />
    </svg>
  );
}
