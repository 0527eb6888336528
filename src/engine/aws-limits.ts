import {parseCidr} from './address.js';

/**
 * AWS's size limits for IPv4 blocks: a VPC's primary block and a subnet's
 * block are each between /16 (65,536 addresses) and /28 (16 addresses)
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html,
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
 * EC2 refuses other sizes with InvalidVpc.Range and InvalidSubnet.Range.
 */

/** The widest prefix AWS accepts for a VPC or subnet block. */
export const AWS_WIDEST_PREFIX = 16;
/** The narrowest prefix AWS accepts for a VPC or subnet block. */
export const AWS_NARROWEST_PREFIX = 28;

/**
 * Why AWS refuses `cidr` as a VPC or subnet block (the error code first, as
 * EC2 reports it), or undefined when its size is allowed.
 */
export function awsBlockSizeProblem(cidr: string, what: 'vpc' | 'subnet'): string | undefined {
	const block = parseCidr(cidr);
	if (block === undefined) return undefined;
	if (block.prefix >= AWS_WIDEST_PREFIX && block.prefix <= AWS_NARROWEST_PREFIX) return undefined;
	const code = what === 'vpc' ? 'InvalidVpc.Range' : 'InvalidSubnet.Range';
	const size = block.prefix < AWS_WIDEST_PREFIX ? 'too large' : 'too small';
	return `${code}: ${cidr} is ${size} for a ${what === 'vpc' ? 'VPC' : 'VPC subnet'} — AWS accepts blocks from /${AWS_WIDEST_PREFIX} (65,536 addresses) to /${AWS_NARROWEST_PREFIX} (16 addresses)`;
}
