import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ViewerFacts } from '@dastarkhan/domain';
import { coordinatedClubIds, isAdministrator, officialRegions, representedCommunityIds, type Viewer } from '../auth/viewer';

/** Resolves what the privacy rules need to know about a caller (its scopes and memberships). */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async viewerFacts(viewer: Viewer | null, communityId?: string): Promise<ViewerFacts | null> {
    if (!viewer) return null;
    const communities = representedCommunityIds(viewer);
    const participantClubIds = communities.length
      ? (
          await this.db.query(
            `SELECT DISTINCT club_id FROM participations
              WHERE community_id = ANY($1) AND status IN ('observer', 'candidate', 'member', 'suspended')`,
            [communities],
          )
        ).map((row: { club_id: string }) => row.club_id)
      : [];
    return {
      isAdministrator: isAdministrator(viewer),
      representsCommunity: communityId !== undefined && communities.includes(communityId),
      coordinatedClubIds: coordinatedClubIds(viewer),
      participantClubIds,
      officialRegions: officialRegions(viewer),
    };
  }
}
