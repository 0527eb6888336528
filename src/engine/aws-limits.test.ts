import {describe, expect, it} from 'vitest';
import {awsBlockSizeProblem} from './aws-limits.js';

// AWS VPC user guide, "VPC CIDR blocks" and "Subnet sizing": /16 to /28 for VPCs and subnets alike.
describe('AWS block sizes', () => {
	it.each(['10.0.0.0/16', '10.0.1.0/24', '10.0.1.16/28', '172.16.0.0/16'])('accepts %s for a VPC and a subnet', (cidr) => {
		expect(awsBlockSizeProblem(cidr, 'vpc')).toBeUndefined();
		expect(awsBlockSizeProblem(cidr, 'subnet')).toBeUndefined();
	});

	it('refuses a VPC wider than /16 with InvalidVpc.Range', () => {
		expect(awsBlockSizeProblem('10.0.0.0/8', 'vpc')).toMatch(/^InvalidVpc\.Range: 10\.0\.0\.0\/8 is too large/);
		expect(awsBlockSizeProblem('10.0.0.0/15', 'vpc')).toMatch(/^InvalidVpc\.Range/);
	});

	it('refuses a subnet narrower than /28 with InvalidSubnet.Range', () => {
		expect(awsBlockSizeProblem('10.0.1.0/29', 'subnet')).toMatch(/^InvalidSubnet\.Range: 10\.0\.1\.0\/29 is too small/);
		expect(awsBlockSizeProblem('10.0.1.1/32', 'subnet')).toMatch(/^InvalidSubnet\.Range/);
		expect(awsBlockSizeProblem('10.0.0.0/8', 'subnet')).toMatch(/^InvalidSubnet\.Range: .* too large/);
	});
});
