/** The streams, environment and folder a CLI run works with; passed in so runs are testable in-process. */
export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
  getColorDepth?: (env?: object) => number;
  /** Waits for what was written to be handed on; how writing failed, if it did. */
  settle?(): Promise<NodeJS.ErrnoException | undefined>;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}
