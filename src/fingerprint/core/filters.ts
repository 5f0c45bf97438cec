/**
 * The six Haar-like filter shapes of Chromaprint (`filter_utils.h`) over the integral image, each
 * returning ln((1 + a) / (1 + b)) of a positive area a and a negative area b. Halves and thirds use
 * integer division, and the sums are added in Chromaprint's order.
 */
import type { Classifier } from './classifiers.js';
import type { RollingIntegralImage } from './integral-image.js';

const subtractLog = (a: number, b: number): number => Math.log((1 + a) / (1 + b));

/** Value of classifier `k`'s filter for the item whose first row is `x` (rows = time, bands = y). */
export function applyFilter(img: RollingIntegralImage, k: Classifier, x: number): number {
  const { y, height: h, width: w } = k;
  switch (k.type) {
    case 0:
      return subtractLog(img.area(x, y, x + w, y + h), 0);
    case 1: {
      const h2 = h >> 1;
      return subtractLog(img.area(x, y + h2, x + w, y + h), img.area(x, y, x + w, y + h2));
    }
    case 2: {
      const w2 = w >> 1;
      return subtractLog(img.area(x + w2, y, x + w, y + h), img.area(x, y, x + w2, y + h));
    }
    case 3: {
      const w2 = w >> 1;
      const h2 = h >> 1;
      const a = img.area(x, y + h2, x + w2, y + h) + img.area(x + w2, y, x + w, y + h2);
      const b = img.area(x, y, x + w2, y + h2) + img.area(x + w2, y + h2, x + w, y + h);
      return subtractLog(a, b);
    }
    case 4: {
      const h3 = Math.floor(h / 3);
      const a = img.area(x, y + h3, x + w, y + 2 * h3);
      const b = img.area(x, y, x + w, y + h3) + img.area(x, y + 2 * h3, x + w, y + h);
      return subtractLog(a, b);
    }
    case 5: {
      const w3 = Math.floor(w / 3);
      const a = img.area(x + w3, y, x + 2 * w3, y + h);
      const b = img.area(x, y, x + w3, y + h) + img.area(x + 2 * w3, y, x + w, y + h);
      return subtractLog(a, b);
    }
  }
}
