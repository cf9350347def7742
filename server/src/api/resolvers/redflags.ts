import { MaillonError, ErrorCode } from '../../errors.ts';

export const redFlagQueries = {
  redFlags: () => {
    throw new MaillonError(ErrorCode.INTERNAL_SERVER_ERROR, 'Red flags are not available on this server yet.');
  },
};
