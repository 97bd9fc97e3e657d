export {
  backupDatabase,
  restoreDatabase,
  BackupError,
  type BackupOptions,
  type BackupSummary,
  type RestoreSummary,
} from './backup.service';
export type { Manifest } from './backup.format';
