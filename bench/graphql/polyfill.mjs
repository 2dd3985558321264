// PostGraphile 5 calls Promise.withResolvers (Node ≥ 22); Node 20 lacks it. Loaded with
// `node --import` before PostGraphile, so the peer runs unmodified.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
