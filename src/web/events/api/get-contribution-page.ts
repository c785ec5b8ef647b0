import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContributionPage } from '../../../contracts/events';
import { api } from '../../lib/api';
import { eventKey } from './keys';

export const getContributionPage = (eventId: number, contributionId: number) =>
  api.get<ContributionPage>(`/api/events/${eventId}/contributions/${contributionId}`);

export const contributionPageQueryOptions = (eventId: number, contributionId: number) =>
  queryOptions({
    queryKey: [...eventKey(eventId), 'contribution', contributionId],
    queryFn: () => getContributionPage(eventId, contributionId),
  });

export function useContributionPage(eventId: number, contributionId: number) {
  return useQuery(contributionPageQueryOptions(eventId, contributionId));
}
