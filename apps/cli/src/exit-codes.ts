/** Process exit codes shared by every command. */
export const EXIT_OK = 0;
/** The command ran, and at least one input failed its check. */
export const EXIT_FAILED = 1;
/** The command line itself was wrong. */
export const EXIT_USAGE = 2;
