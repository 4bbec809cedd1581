// The ES module face of mws-sign: the same single instance as require()
// (one wasm module, one exchange area), re-exported by name.
import api from './index.cjs';

export const {
  sign,
  signedQuery,
  signRequest,
  canonicalQuery,
  stringToSign,
  mac,
  contentMd5,
  formatTimestamp,
  verify,
  Signer,
  MwsSignError,
  ERROR_CODES,
  Marketplace,
  Section,
  FORM_CONTENT_TYPE,
  userAgent,
  prepare,
  version,
} = api;
export default api;
