/**
 * IP addresses and CIDR prefixes for the `ip()` and `cidr()` functions of the Kubernetes CEL
 * library (apiserver pkg/cel/library/ip.go and cidr.go, on Go's net/netip). Like the library,
 * parsing rejects zones (`fe80::1%eth0`), IPv4-mapped IPv6 addresses and IPv4 octets with
 * leading zeros.
 */

export class IP {
  constructor(
    readonly family: 4 | 6,
    readonly bits: bigint,
  ) {}

  private inPrefix(prefix: string): boolean {
    const p = parseCIDR(prefix);
    return p !== undefined && p.containsIP(this);
  }

  isUnspecified(): boolean {
    return this.bits === 0n;
  }

  isLoopback(): boolean {
    return this.family === 4 ? this.inPrefix('127.0.0.0/8') : this.bits === 1n;
  }

  isLinkLocalMulticast(): boolean {
    if (this.family === 4) return this.inPrefix('224.0.0.0/24');
    return ((this.bits >> 112n) & 0xff0fn) === 0xff02n;
  }

  isLinkLocalUnicast(): boolean {
    return this.family === 4 ? this.inPrefix('169.254.0.0/16') : this.inPrefix('fe80::/10');
  }

  isGlobalUnicast(): boolean {
    if (this.isUnspecified() || this.isLoopback() || this.isLinkLocalUnicast()) return false;
    if (this.family === 4) return !this.inPrefix('224.0.0.0/4') && this.bits !== 0xffffffffn;
    return !this.inPrefix('ff00::/8');
  }

  toString(): string {
    if (this.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((this.bits >> s) & 255n)).join('.');
    const groups = Array.from({ length: 8 }, (_, i) => Number((this.bits >> BigInt(112 - 16 * i)) & 0xffffn));
    // RFC 5952: compress the longest run of two or more zero groups, the first one on a tie.
    let best = -1;
    let bestLength = 1;
    for (let i = 0; i < 8; ) {
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > bestLength) [best, bestLength] = [i, j - i];
      i = j === i ? i + 1 : j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best < 0) return hex.join(':');
    return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
  }
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let bits = 0n;
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    bits = (bits << 8n) | BigInt(part);
  }
  return bits;
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIPv4(part);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let bits = 0n;
  for (const g of [...head, ...Array<number>(missing).fill(0), ...tail]) bits = (bits << 16n) | BigInt(g);
  return bits;
}

/** An IP address as the library's `ip()` accepts it, or undefined. */
export function parseIP(text: string): IP | undefined {
  if (text.includes('%')) return undefined;
  if (text.includes(':')) {
    const bits = parseIPv6(text);
    if (bits === undefined || bits >> 32n === 0xffffn) return undefined;
    return new IP(6, bits);
  }
  const bits = parseIPv4(text);
  return bits === undefined ? undefined : new IP(4, bits);
}

export class CIDR {
  constructor(
    readonly ip: IP,
    readonly prefixLength: number,
  ) {}

  private get width(): bigint {
    return this.ip.family === 4 ? 32n : 128n;
  }

  private mask(bits: bigint): bigint {
    const host = this.width - BigInt(this.prefixLength);
    return (bits >> host) << host;
  }

  masked(): CIDR {
    return new CIDR(new IP(this.ip.family, this.mask(this.ip.bits)), this.prefixLength);
  }

  containsIP(ip: IP): boolean {
    return ip.family === this.ip.family && this.mask(ip.bits) === this.mask(this.ip.bits);
  }

  containsCIDR(other: CIDR): boolean {
    return other.prefixLength >= this.prefixLength && this.containsIP(other.ip);
  }

  toString(): string {
    return `${this.ip.toString()}/${this.prefixLength}`;
  }
}

/** A prefix as the library's `cidr()` accepts it (`10.0.0.0/8`, `fd00::/64`), or undefined. */
export function parseCIDR(text: string): CIDR | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(text.slice(0, slash));
  const length = text.slice(slash + 1);
  if (!ip || !/^(?:0|[1-9]\d{0,2})$/.test(length)) return undefined;
  const n = Number(length);
  if (n > (ip.family === 4 ? 32 : 128)) return undefined;
  return new CIDR(ip, n);
}
