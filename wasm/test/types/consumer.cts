// A CommonJS consumer: require() gets the same types.
import mws = require('mws-sign');

const signature: string = mws.sign({ secret: 's', method: 'GET', host: 'h', path: '/' });
const section: string = mws.Section.Products.version;
console.log(signature, section, mws.default.ERROR_CODES.length);
