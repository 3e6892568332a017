import { ApiProperty } from '@nestjs/swagger';
import type { Principal, UserEntity } from '@tiergate/auth';
import { ROLES, TIERS, type Role, type Tier } from '@tiergate/common';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: TIERS }) tier!: Tier;

  static from(user: Pick<UserEntity | Principal, 'id' | 'email' | 'role' | 'tier'>): UserDto {
    return { id: user.id, email: user.email, role: user.role, tier: user.tier };
  }
}
