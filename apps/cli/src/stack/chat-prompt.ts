// Alias kept only for apps/cli/src/bench/orchestration-*.ts; new code imports `renderUserPrompt` from @threadloom/threading.
export { renderUserPrompt as renderQwen3Prompt } from '@threadloom/threading';
