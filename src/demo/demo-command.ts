import type { Command } from 'commander';

// Placeholder during initial construction; owned by helper C (demo city).
export function registerDemoCommands(_program: Command): void {}
