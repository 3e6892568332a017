/** Moved to libs/testing (the soak benchmark uses it too). */
export { TcpProxy } from '@tiergate/testing';
