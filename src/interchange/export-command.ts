import type { Command } from 'commander';

// Placeholder during initial construction; owned by helper B (export).
export function registerExportCommands(_program: Command): void {}
