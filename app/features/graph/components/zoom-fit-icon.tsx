// The "Zoom to fit" icon: a magnifier inside the corners of a frame, so it reads as zooming the picture to its frame (not as full screen).
export function ZoomFitIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d="M3 8V3h5M21 8V3h-5M3 16v5h5M21 16v5h-5" />
      <circle cx="11" cy="11" r="3.5" />
      <path d="M13.6 13.6 16.5 16.5" />
    </svg>
  );
}
