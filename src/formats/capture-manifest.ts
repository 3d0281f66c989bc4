// The manifest `gomem-gate capture` writes beside what it fetched: recognised by content so a
// capture folder reads as it is (`--candidate 'DIR/*'`), and skipped (it holds no figures).

/** The key that marks a capture manifest; its value is the manifest's format version. */
export const CAPTURE_MANIFEST_KEY = 'gomemGateCapture'

/** Whether the head of a file (its first KiB are enough) is a capture manifest. */
export function isCaptureManifest(head: string): boolean {
  return new RegExp(`^\\s*\\{\\s*"${CAPTURE_MANIFEST_KEY}"\\s*:`).test(head)
}
