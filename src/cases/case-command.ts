import type { Command } from 'commander';

// Placeholder during initial construction; owned by helper B (case timeline).
export function registerCaseCommands(_program: Command): void {}
