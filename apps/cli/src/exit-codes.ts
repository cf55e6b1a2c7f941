/** Process exit codes shared by every command (`docs/cli.md` lists them). */
export const EXIT_OK = 0;
/** The command ran, and at least one input failed its check (for `submit`: a line failed or was malformed). */
export const EXIT_FAILED = 1;
/** The command line itself was wrong (or its input file could not be read). */
export const EXIT_USAGE = 2;
/** Could not run: the API is unreachable, answered an unexpected error, or lost what the run needs. */
export const EXIT_UNAVAILABLE = 3;
/** Could not run: the API refused the key (401) or its scope (403). */
export const EXIT_REFUSED = 4;
/** Interrupted by SIGINT or SIGTERM (a `submit` run resumes when run again). */
export const EXIT_INTERRUPTED = 130;
