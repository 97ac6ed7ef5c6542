import type { Command } from 'commander';

// Placeholder during initial construction; owned by importer.
export function registerImportCommands(_program: Command): void {}
