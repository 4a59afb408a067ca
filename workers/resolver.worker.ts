// The Web Worker entry: exposes the resolver service to the main thread through Comlink, nothing else.
import { expose } from "comlink";
import { openIndexedDbStore } from "./index/indexeddb-store";
import { createResolverService } from "./resolver-service";

expose(createResolverService({ openStore: () => openIndexedDbStore() }));
