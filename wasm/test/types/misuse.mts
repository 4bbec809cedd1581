// What the types must refuse (each line would be a compile error without its directive).
import { sign, canonicalQuery, contentMd5, Marketplace, verify } from 'mws-sign';

// @ts-expect-error: a parameter value must be a string
sign({ secret: 's', method: 'POST', host: 'h', path: '/', params: { n: 1 } });
// @ts-expect-error: the secret is required
sign({ method: 'POST', host: 'h', path: '/' });
// @ts-expect-error: params are pairs, not a query string
canonicalQuery('a=1');
// @ts-expect-error: numbers are not bytes
contentMd5(42);
// @ts-expect-error: no such marketplace
console.log(Marketplace.XX);
// @ts-expect-error: accessKeys cannot be a string
verify({ accessKeys: 'k', method: 'POST', host: 'h', path: '/', query: '' });
