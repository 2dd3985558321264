// Interface text about the root of trust: whose root a page verifies from, which levels signed
// the anchoring block, and why a root refused what a node served. Chinese first; English typed by it.
// Organisation and level names come from the root file (data): pages set them in <bdi>.
import type { TrustRefusalCode } from '@lianjian/verify';

export const zh = {
  /** The verify page's note on the root it uses (the organisation's name goes in the slot). */
  siteRoot: (organisation: string) => `本页从“${organisation}”发布的信任根出发验证链上区块。`,
  siteRootDetail: (height: number, levels: number) => `信任根记载了区块高度 ${height} 时的 ${levels} 个层级的验证者：`,
  siteRootChain: (chainId: string) => `链标识：${chainId}`,
  siteRootDownload: '下载本站使用的信任根',
  siteRootCli: (command: string) => `用命令行验证时可以使用同一个文件：${command}`,
  siteNoRoot: '本站没有配置信任根：链上检查信任所连接节点提供的验证者集合，无法识别伪造的链。',
  siteBroken: '本站配置的信任根无法读取，链上检查暂不运行。请联系网站管理员。',
  /** "由 4 个层级中的 3 个签署" (names follow). */
  signedBy: (signed: number, total: number) => `由 ${total} 个层级中的 ${signed} 个签署`,
  signedByAt: (height: number) => `（锚定区块高度 ${height}）`,
  namesSeparator: '、',
  namesIntro: '：',
  unnamed: '未在信任根中命名的验证者',
  nodeTrusted: '未使用信任根：链上检查信任了所连接节点提供的验证者集合。',
  refused: '信任根拒绝了节点提供的链：',
  reasons: {
    'wrong-chain': '节点提供的是另一条链，不是信任根所指的链。',
    fork: '节点提供的链与信任根的链标识相同，但验证者或历史不同：这是分叉或伪造的链，其上的记录不可信。',
    'not-handed-over': '签署区块的验证者不是受信任的验证者移交的，无法从信任根推出这个区块。',
    'validators-mismatch': '节点提供了虚假的验证者集合：与区块头记载的不符。',
    expired: '信任根已超过信任期，不能再用来验证新的区块；请向组织获取新的信任根。',
    'invalid-header': '节点提供的区块头没有有效的签名。',
    'bad-root': '信任根文件无效。',
  } as Record<TrustRefusalCode, string>,
};

export const en: typeof zh = {
  siteRoot: (organisation) => `This page verifies chain blocks from the root of trust published by “${organisation}”.`,
  siteRootDetail: (height, levels) => `The root names the validators of ${levels} levels at block height ${height}: `,
  siteRootChain: (chainId) => `Chain ID: ${chainId}`,
  siteRootDownload: 'Download the root of trust this site uses',
  siteRootCli: (command) => `The command-line verifier takes the same file: ${command}`,
  siteNoRoot: 'This site has no root of trust: the chain check trusts the validator set the node it asks presents, and cannot tell a forged chain.',
  siteBroken: 'The root of trust configured for this site cannot be read, so the chain check does not run. Please tell the site’s administrator.',
  signedBy: (signed, total) => `Signed by ${signed} of ${total} levels`,
  signedByAt: (height) => ` (anchoring block, height ${height})`,
  namesSeparator: ', ',
  namesIntro: ': ',
  unnamed: 'a validator the root of trust does not name',
  nodeTrusted: 'No root of trust: the chain check trusted the validator set the node presented.',
  refused: 'The root of trust refused the chain the node serves: ',
  reasons: {
    'wrong-chain': 'the node serves another chain than the one the root of trust names.',
    fork: 'the node serves a chain with the root’s chain ID but other validators or another history: a fork or a forged chain, whose records cannot be trusted.',
    'not-handed-over': 'the block is signed by validators the trusted ones did not hand over to, so it does not follow from the root of trust.',
    'validators-mismatch': 'the node lies about the validator set: the set it sent is not the one the block header names.',
    expired: 'the root of trust is older than its trusting period and cannot vouch for new blocks; get a newer one from the organisation.',
    'invalid-header': 'a block header from the node is not validly signed.',
    'bad-root': 'the root of trust file is not valid.',
  },
};
