// The Web Worker entry: exposes the resolver service to the main thread through Comlink, nothing else.
import { expose } from "comlink";
import { createResolverService } from "./resolver-service";

expose(createResolverService());
