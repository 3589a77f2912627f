/**
 * The store contract (store-contract.ts) on every store: Kuzu always, Neo4j when the run has
 * one (tests/support/stores.ts); the same seeds, the same expected values.
 */
import { stores } from '../support/stores';
import { describeStoreContract } from './store-contract';

for (const store of stores()) {
  describeStoreContract(store.name, () => store.open());
  describeStoreContract(store.name, () => store.open(), { bulk: true });
}
