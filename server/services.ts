import { AccountStore } from './accounts/accounts';
import { AuditLog } from './audit/audit-log';
import { CorrectionStore } from './corrections/model';
import { CorrectionService } from './corrections/service';
import type { Config } from './config';
import { DraftStore } from './documents/drafts';
import { DocumentIntake } from './documents/intake';
import { DocumentRegistry } from './documents/registry';
import type { GraphStore } from './graph/store';
import { servicesStore } from './graph/request-store';
import { DocumentProgress } from './progress/document-progress';
import { ProgressStore } from './progress/model';
import { ProgressService } from './progress/service';

/**
 * What lives beside the graph, under DATA_DIR, the same whichever store runs: accounts, the audit
 * log, and the documents' registry with their originals.
 */
export interface Services {
  config: Config;
  store: GraphStore;
  accounts: AccountStore;
  audit: AuditLog;
  registry: DocumentRegistry;
  intake: DocumentIntake;
  corrections: CorrectionService;
  drafts: DraftStore;
  /** Progress records and their attachments (server/progress/model.ts: why they live in DATA_DIR). */
  progress: ProgressService;
  /** Progress read from the loaded progress reports, and editors' decisions on the links not applied. */
  documentProgress: DocumentProgress;
}

export function createServices(config: Config, graph: GraphStore): Services {
  const store = servicesStore(graph);
  const registry = new DocumentRegistry(config.dataDir);
  const audit = new AuditLog(config.dataDir);
  const records = new ProgressStore(config.dataDir);
  const documentProgress = new DocumentProgress(store, config.dataDir, audit);
  records.derived = () => documentProgress.records();
  return {
    config, store, registry, audit, documentProgress,
    accounts: new AccountStore(config.dataDir),
    intake: new DocumentIntake(store, registry),
    corrections: new CorrectionService(new CorrectionStore(config.dataDir), store, registry, audit),
    drafts: new DraftStore(),
    progress: new ProgressService(records, store, audit),
  };
}
