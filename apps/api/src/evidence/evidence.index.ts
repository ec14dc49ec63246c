import { createRouter } from '../http/router.js';
import { download, upload } from './evidence.handlers.js';
import { evidenceDownloadRoute, evidenceUploadRoute } from './evidence.routes.js';

export const evidence = createRouter()
  .openapi(evidenceUploadRoute, upload)
  .openapi(evidenceDownloadRoute, download);
